"""Writes a float32 .npy file whose header states SHAPE verbatim (e.g.
"-2, 4"), followed by 64 zero bytes: make_npy_header.py OUT SHAPE."""
import sys

path, shape = sys.argv[1], sys.argv[2]
header = "{'descr': '<f4', 'fortran_order': False, 'shape': (%s), }" % shape
header = header.ljust(118) + "\n"
with open(path, "wb") as fh:
    fh.write(b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little"))
    fh.write(header.encode() + b"\0" * 64)
