"""Commands beyond a build: the live preview (``serve``) with its quick rebuild of one
lesson, the USB package and the GIFT import and export."""
