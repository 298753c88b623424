"""Reviews outside the database: the JSON interchange format (and, later, packages between panel laptops)."""
