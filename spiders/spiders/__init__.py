"""One spider per source kind, sharing NewsSpider."""
