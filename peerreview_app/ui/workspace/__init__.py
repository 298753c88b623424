"""The workspace of one review: a navigator and a page per item."""
