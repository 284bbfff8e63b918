"""The web desk (bàn làm việc trên web): pages and a JSON API over the façade ``UngDung``."""

from .app import tao_app, tao_app_tu_moi_truong
from .cai_dat import CaiDatWeb, base_url_hop_le

__all__ = ["CaiDatWeb", "base_url_hop_le", "tao_app", "tao_app_tu_moi_truong"]
