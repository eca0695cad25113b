"""The CodeDesk web site: a thin Django shell over the ``codedesk`` library."""
