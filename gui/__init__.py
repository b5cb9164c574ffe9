"""Taiyaku's Qt user interface: adapts ``model/`` (which never imports Qt) to widgets."""
