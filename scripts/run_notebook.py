"""Execute one notebook headlessly with the tslab kernel (used by scripts/reproduce.ts).

usage: run_notebook.py <in.ipynb> <out.ipynb> <timeout-seconds>

Writes the executed copy atomically to <out.ipynb> (or <out>.failed.ipynb when a cell fails),
and on failure prints the notebook, the cell number and the error to stderr and exits 1.
Output a cell writes to stderr also counts as a failure: a clean run prints none.
"""
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def code_cell_number(nb, index):
    return sum(1 for c in nb.cells[: index + 1] if c.cell_type == "code")


def cell_problems(cell):
    out = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "error":
            tb = "\n".join(o.get("traceback", [])) or f"{o.get('ename')}: {o.get('evalue')}"
            out.append(tb)
        elif o.get("output_type") == "stream" and o.get("name") == "stderr":
            out.append(o.get("text", ""))
    return [p for p in out if p.strip()]


def write_atomic(nb, path):
    tmp = f"{path}.{os.getpid()}.tmp"
    nbformat.write(nb, tmp)
    os.replace(tmp, path)


def main():
    src, dst, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3])
    nb = nbformat.read(src, as_version=4)
    name = os.path.basename(src)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="tslab",
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(src))}},
        allow_errors=False,
    )
    failure = None
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        failure = e
    failed_index = None
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        p = cell_problems(cell)
        if p:
            failed_index, problems = i, p
            break
    if failure is not None and failed_index is None:
        # The error is not in any output (a timeout or a dead kernel): the first cell without
        # an execution count is the one that did not finish.
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and cell.get("execution_count") is None:
                failed_index = i
                break
        problems = [str(failure).strip().splitlines()[-1] if str(failure).strip() else type(failure).__name__]
    if failed_index is not None:
        write_atomic(nb, dst.replace(".ipynb", ".failed.ipynb"))
        n = code_cell_number(nb, failed_index)
        src_lines = nb.cells[failed_index].source.strip().splitlines()
        print(f"\n{name}: code cell {n} (cell {failed_index + 1} of {len(nb.cells)}) failed:", file=sys.stderr)
        for line in src_lines[:8]:
            print(f"    | {line}", file=sys.stderr)
        if len(src_lines) > 8:
            print("    | ...", file=sys.stderr)
        for p in problems:
            print("  " + p.strip().replace("\n", "\n  "), file=sys.stderr)
        sys.exit(1)
    write_atomic(nb, dst)


if __name__ == "__main__":
    main()
