"""Peer Review Workbench: peer reviews of Dutch teacher-education partnerships."""

__version__ = "0.1.0"
