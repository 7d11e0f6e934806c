"""Scrapy project: feeds, sitemaps and article pages, plus page-level article extraction."""
