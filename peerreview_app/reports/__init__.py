"""Reports: PDF (reportlab), signatures (pyHanko) and Excel (openpyxl).

No Qt, no storage: reports read domain objects.
"""
