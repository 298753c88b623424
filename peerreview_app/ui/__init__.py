"""The Qt workbench. The only package that imports Qt; it reaches data only through the services."""
