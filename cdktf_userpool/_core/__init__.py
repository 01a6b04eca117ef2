"""The bottom layer: the framework seam (``cdk``), naming, Terraform expressions, blocks, IAM policy
helpers, caches, synth hooks and ``moved`` blocks. Imports nothing of the package but :mod:`cdktf_userpool.errors`.
"""
