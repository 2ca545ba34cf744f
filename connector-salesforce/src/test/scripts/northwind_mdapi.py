#!/usr/bin/env python3
"""Writes the metadata-format (Metadata API retrieve) copy of the Northwind example's configuration that
SfdxMetadataFormatTest reads: the test fixture src/test/resources/dev/l2o/salesforce/sfdx/northwind-mdapi.

Run from the repository root after changing examples/northwind/{force-app,sales-ops}:
    python3 connector-salesforce/src/test/scripts/northwind_mdapi.py
Top-level components are copied as they are, named without -meta.xml (flows/X.flow-meta.xml -> flows/X.flow);
an object's folder becomes one objects/X.object whose children (fields, validationRules, businessProcesses,
recordTypes) are inline, in alphabetical element order as a retrieve writes them, each keeping its <fullName>.
"""
import pathlib
import re
import shutil
import urllib.parse

ROOT = pathlib.Path("examples/northwind")
PACKAGES = ["force-app", "sales-ops"]
TARGET = pathlib.Path("connector-salesforce/src/test/resources/dev/l2o/salesforce/sfdx/northwind-mdapi")
HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n'
NAMESPACE = "http://soap.sforce.com/2006/04/metadata"
# The folder of an object's child in source format -> the element of the .object file that holds it inline.
CHILD_FOLDERS = {"fields", "validationRules", "businessProcesses", "recordTypes"}
TYPES = {"assignmentRules": "AssignmentRules", "flows": "Flow", "flowDefinitions": "FlowDefinition",
         "globalValueSets": "GlobalValueSet", "queues": "Queue", "standardValueSets": "StandardValueSet",
         "workflows": "Workflow", "objects": "CustomObject"}
# A child a retrieve holds that l2o does not read: the fixture shows that it is skipped.
LIST_VIEW = """<listViews>
    <fullName>AllOpportunities</fullName>
    <filterScope>Everything</filterScope>
    <label>All Opportunities</label>
</listViews>"""


def inner(text):
    """The lines inside the root element, markup one level less indented; the lines of a multi-line text (a
    formula) are kept as they are, as Salesforce writes them."""
    body = re.sub(r"^<\?xml[^>]*>\s*<[A-Za-z]+[^>]*>\n", "", text.strip())
    body = re.sub(r"\n</[A-Za-z]+>$", "", body)
    return [line if text else line[4:] for line, text in lines_in_text(body.split("\n"))]


def lines_in_text(lines):
    """Each line with whether it continues a multi-line text (so must not be re-indented)."""
    open_text = None
    for line in lines:
        yield line, open_text is not None
        if open_text is None:
            match = re.match(r"^\s*<([A-Za-z]+)>(?!.*</\1>).*\S", line)
            open_text = match.group(1) if match else None
        elif "</%s>" % open_text in line:
            open_text = None


def indent(lines):
    return [line if text else "    " + line for line, text in lines_in_text(lines)]


def element_blocks(lines):
    """Splits top-level element lines into (name, lines) blocks."""
    blocks = []
    for line in lines:
        if not line.startswith(" ") and not line.startswith("</"):
            blocks.append([re.match(r"<([A-Za-z]+)", line).group(1), [line]])
        else:
            blocks[-1][1].append(line)
    return blocks


def main():
    if TARGET.exists():
        shutil.rmtree(TARGET)
    objects = {}
    members = {}
    for package in PACKAGES:
        for source in sorted((ROOT / package).rglob("*-meta.xml")):
            parts = source.relative_to(ROOT / package / "main" / "default").parts
            text = source.read_text(encoding="utf-8")
            if parts[0] == "objects":
                blocks = objects.setdefault(parts[1], [])
                if len(parts) == 3:
                    blocks.extend(element_blocks(inner(text)))
                else:
                    assert parts[2] in CHILD_FOLDERS, source
                    child = ["<%s>" % parts[2]] + indent(inner(text)) + ["</%s>" % parts[2]]
                    blocks.append([parts[2], child])
                continue
            name = parts[-1][: -len("-meta.xml")]
            target = TARGET / parts[0] / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            members.setdefault(TYPES[parts[0]], []).append(urllib.parse.unquote(name.rsplit(".", 1)[0]))
    objects["Opportunity"].append(["listViews", LIST_VIEW.split("\n")])
    (TARGET / "objects").mkdir(parents=True, exist_ok=True)
    for name, blocks in objects.items():
        blocks.sort(key=lambda block: block[0])
        body = "\n".join(indent([line for block in blocks for line in block[1]]))
        (TARGET / "objects" / (name + ".object")).write_text(
            HEADER + '<CustomObject xmlns="%s">\n%s\n</CustomObject>\n' % (NAMESPACE, body), encoding="utf-8")
        members.setdefault("CustomObject", []).append(name)
    types = "".join("    <types>\n%s        <name>%s</name>\n    </types>\n"
                    % ("".join("        <members>%s</members>\n" % m for m in sorted(names)), kind)
                    for kind, names in sorted(members.items()))
    (TARGET / "package.xml").write_text(
        HEADER + '<Package xmlns="%s">\n%s    <version>62.0</version>\n</Package>\n' % (NAMESPACE, types), encoding="utf-8")


if __name__ == "__main__":
    main()
