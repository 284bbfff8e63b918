"""Delivery channels and file machinery: folder and e-mail, atomic writes, staging, paths."""
