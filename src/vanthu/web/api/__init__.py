"""The desk's JSON API under ``/api/``: the pages' use cases for scripts, a module a resource."""
