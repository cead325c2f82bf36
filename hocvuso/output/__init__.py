"""What is made from, or checked on, the built site: content-named scripts and
stylesheets, pictures, the trimmed Material stylesheet, the search index, page weights,
the offline lists, hosting files and precompression, and where output may be written."""
