"""Code shipped inside every Lambda package. Standard library only; never imports cdktf."""
