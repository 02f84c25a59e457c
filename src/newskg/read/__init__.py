"""Reading articles: files, folders, HTML pages, JSON Lines and CSV records in, ``Article``s and sentences out."""
