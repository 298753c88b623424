"""Excel workbooks (openpyxl): review and overview exports, fill-in workbooks and reading them back."""
