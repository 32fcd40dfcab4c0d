"""The sample library, shipped inside the package so the first start never opens empty."""
