"""The pool side: ``UserPool``, its triggers and the constructs it creates (clients, domains, resource servers,
groups, identity pool), grants and pools managed elsewhere. Imports the Lambda side and the bottom layer.
"""
