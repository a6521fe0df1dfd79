"""The HTTP API (`peacewatch serve`): create_app(settings) in app.py, one module per resource group."""
