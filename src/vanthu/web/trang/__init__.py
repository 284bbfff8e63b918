"""The desk's pages (trang), one module per page or group of pages."""
