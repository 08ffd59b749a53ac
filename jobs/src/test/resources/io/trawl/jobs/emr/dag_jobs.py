"""Reads an Airflow DAG file without Airflow: compiles it, then walks its syntax tree and prints
what the Java test checks, as JSON: the trawl job argument lists (TRAWL_JOBS, module-level string
constants resolved), the spark-submit --class and the operators it imports and calls.

Usage: python3 dag_jobs.py DAG_FILE
"""

import ast
import json
import py_compile
import sys


def main(path):
    # Compile to a throwaway file: a syntax error fails here with its line number.
    py_compile.compile(path, cfile=sys.argv[2] if len(sys.argv) > 2 else None, doraise=True)
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), filename=path)

    constants = {}
    jobs_node = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                    constants[target.id] = node.value.value
                if target.id == "TRAWL_JOBS":
                    jobs_node = node.value
    if not isinstance(jobs_node, ast.Dict):
        raise SystemExit("no TRAWL_JOBS = {...} dict literal at module level")

    def value(n):
        if isinstance(n, ast.Constant) and isinstance(n.value, str):
            return n.value
        if isinstance(n, ast.Name) and n.id in constants:
            return constants[n.id]
        raise SystemExit("line %d: job arguments must be strings or module constants" % n.lineno)

    jobs = {}
    for k, v in zip(jobs_node.keys, jobs_node.values):
        if not isinstance(v, ast.List):
            raise SystemExit("line %d: TRAWL_JOBS values must be list literals" % v.lineno)
        jobs[value(k)] = [value(e) for e in v.elts]

    imports = {}
    calls = {}
    dag_ids = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                imports[alias.asname or alias.name] = node.module
        elif isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else None
            if name:
                calls[name] = calls.get(name, 0) + 1
            if name == "DAG":
                for kw in node.keywords:
                    if kw.arg == "dag_id" and isinstance(kw.value, ast.Constant):
                        dag_ids.append(kw.value.value)

    classes = sorted(
        {
            n.elts[i + 1].value
            for n in ast.walk(tree)
            if isinstance(n, ast.List)
            for i in range(len(n.elts) - 1)
            if isinstance(n.elts[i], ast.Constant)
            and n.elts[i].value == "--class"
            and isinstance(n.elts[i + 1], ast.Constant)
        }
        | {
            c.value.split()[1]
            for c in ast.walk(tree)
            if isinstance(c, ast.Constant)
            and isinstance(c.value, str)
            and c.value.startswith("--class ")
        }
    )

    print(
        json.dumps(
            {
                "jobs": jobs,
                "imports": imports,
                "calls": calls,
                "dag_ids": dag_ids,
                "classes": classes,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
