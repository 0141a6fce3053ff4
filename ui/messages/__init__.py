"""Interface text by area, merged into `ui.i18n.MESSAGES`: key -> (English, Traditional Chinese as used in Hong
Kong, Simplified Chinese as used in the Mainland)."""
