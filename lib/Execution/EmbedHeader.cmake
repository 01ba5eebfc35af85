# Writes the file IN as a C++ raw string literal to OUT.
file(READ ${IN} content)
file(WRITE ${OUT} "R\"tonnx_hdr(${content})tonnx_hdr\"\n")
