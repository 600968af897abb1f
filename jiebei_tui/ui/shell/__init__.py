"""The App and what surrounds every area: header, footer, help, go-to menu, settings, export."""
