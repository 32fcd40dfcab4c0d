"""The window: widgets, Qt models and dialogs. Never SQL; everything through services."""
