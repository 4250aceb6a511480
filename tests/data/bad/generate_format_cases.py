#!/usr/bin/env python3
"""Writes the bad-input corpus of the CSV, JSON and Taskwarrior importers: one file per case
under csv/, json/ and taskwarrior/. Every file must make import_text throw a ParseError (naming
the file and a line) and leave the store unchanged; tests/test_import.cpp checks each of them.
Run it again after adding a case; the files are committed so the tests need no Python."""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
HEADER = "Item #,Action,Owner,Due Date,Status\r\n"
GOOD_ROW = '1,Draft SSR2 work plan,"Co-Chairs, James Gannon",30 May,In progress\r\n'


def csv_cases():
    c = {}
    c["unclosed_quote_at_eof"] = HEADER + '1,"Draft work plan,ICANN Org,TBD,Open\r\n'
    c["unclosed_quote_multiline"] = HEADER + GOOD_ROW + '2,"Line one\nline two,ICANN Org,TBD,Open\n3,x,y,TBD,Open\n'
    c["quote_inside_unquoted_field"] = HEADER + '1,Draft 5" report,ICANN Org,TBD,Open\r\n'
    c["text_after_closing_quote"] = HEADER + '1,"Draft" report,ICANN Org,TBD,Open\r\n'
    c["text_after_closing_quote_space"] = HEADER + '1,"Draft" ,ICANN Org,TBD,Open\r\n'
    c["too_few_columns"] = HEADER + GOOD_ROW + "2,Share thoughts on list,SSR2-RT,TBD\r\n"
    c["too_many_columns"] = HEADER + GOOD_ROW + "2,Share thoughts,SSR2-RT,TBD,Open,extra\r\n"
    c["one_column_row"] = HEADER + "Share thoughts on list\r\n"
    c["trailing_comma_row"] = HEADER + "2,Share thoughts,SSR2-RT,TBD,Open,\r\n"
    c["header_only_comma_rows_mismatch"] = HEADER + ",,,\r\n"
    c["no_action_column"] = "Item #,Owner,Due Date,Status\r\n1,ICANN Org,TBD,Open\r\n"
    c["no_header_action_only_data"] = "1,Draft plan,ICANN Org,TBD,Open\r\n"
    c["empty_header_cells"] = ",,,\r\n1,Draft,ICANN Org,TBD\r\n"
    c["missing_action_text"] = HEADER + "1,,ICANN Org,TBD,Open\r\n"
    c["whitespace_action_text"] = HEADER + '1,"   ",ICANN Org,TBD,Open\r\n'
    c["invalid_utf8_lone_continuation"] = HEADER.encode() + b"1,Draft \x80 plan,ICANN Org,TBD,Open\r\n"
    c["invalid_utf8_truncated_sequence"] = HEADER.encode() + b"1,Draft plan \xc3,ICANN Org,TBD,Open\r\n"
    c["invalid_utf8_overlong"] = HEADER.encode() + b"1,Draft \xc0\xaf plan,ICANN Org,TBD,Open\r\n"
    c["invalid_utf8_surrogate"] = HEADER.encode() + b"1,Draft \xed\xa0\x80 plan,ICANN Org,TBD,Open\r\n"
    c["invalid_utf8_latin1_owner"] = HEADER.encode() + b"1,Draft plan,Gu\xf0run Poulsen,TBD,Open\r\n"
    c["invalid_utf8_in_header"] = b"Item #,Acti\xffon,Owner\r\n1,x,y\r\n"
    c["invalid_utf8_beyond_max"] = HEADER.encode() + b"1,Draft \xf4\x90\x80\x80,ICANN Org,TBD,Open\r\n"
    c["utf16_le_bom"] = b"\xff\xfe" + HEADER.encode("utf-16-le") + "1,x,y,TBD,Open\r\n".encode("utf-16-le")
    c["nul_byte_in_action"] = HEADER.encode() + b"1,Draft\x00plan,ICANN Org,TBD,Open\r\n"
    c["nul_byte_in_quoted_field"] = HEADER.encode() + b'1,"Draft\x00plan",ICANN Org,TBD,Open\r\n'
    c["nul_byte_in_header"] = b"Item #,Action\x00,Owner\r\n1,x,y\r\n"
    c["control_character_bell"] = HEADER.encode() + b"1,Draft\x07plan,ICANN Org,TBD,Open\r\n"
    c["control_character_escape"] = HEADER.encode() + b"1,Draft \x1b[31mred,ICANN Org,TBD,Open\r\n"
    c["control_character_unit_separator"] = HEADER.encode() + b"1,Draft,ICANN\x1fOrg,TBD,Open\r\n"
    c["control_character_del"] = HEADER.encode() + b"1,Draft\x7f,ICANN Org,TBD,Open\r\n"
    c["c1_control_character"] = HEADER.encode() + "1,Draft\u0085plan,ICANN Org,TBD,Open\r\n".encode()
    c["bad_date_no_such_day"] = HEADER + "1,Draft plan,ICANN Org,32 June,Open\r\n"
    c["bad_date_no_such_month"] = HEADER + "1,Draft plan,ICANN Org,2017-13-45,Open\r\n"
    c["bad_date_february_30"] = HEADER + "1,Draft plan,ICANN Org,2017-02-30,Open\r\n"
    c["bad_date_words"] = HEADER + "1,Draft plan,ICANN Org,soonish,Open\r\n"
    c["bad_date_slash"] = HEADER + GOOD_ROW + "2,Draft plan,ICANN Org,6/40,Open\r\n"
    c["bad_date_unknown_month"] = HEADER + "1,Draft plan,ICANN Org,30 Febtember,Open\r\n"
    c["bad_date_of_request"] = "Action,Owner,Date of Request\r\nDraft plan,ICANN Org,someday\r\n"
    c["bad_completion_date"] = "Action,Owner,Status,Completion Date\r\nDraft plan,ICANN Org,Completed,TBD\r\n"
    c["bad_owner_empty_name"] = HEADER + '1,Draft plan,"Alice,,Bob",TBD,Open\r\n'
    c["bad_owner_not_a_name"] = HEADER + "1,Draft plan,1234,TBD,Open\r\n"
    c["bad_owner_symbols"] = HEADER + "1,Draft plan,<script>,TBD,Open\r\n"
    c["bad_owner_trailing_separator"] = HEADER + '1,Draft plan,"James Gannon,",TBD,Open\r\n'
    c["bad_impact_rating"] = "Action,Owner,Impact\r\nDraft plan,ICANN Org,extreme\r\n"
    c["bad_effort_rating"] = "Action,Owner,Effort\r\nDraft plan,ICANN Org,7\r\n"
    c["status_with_control_character"] = HEADER.encode() + b"1,Draft plan,ICANN Org,TBD,In\x01progress\r\n"
    c["bad_row_after_many_good"] = HEADER + "".join(
        f"{i},Action number {i},ICANN Org,TBD,Open\r\n" for i in range(1, 60)) + '60,"unclosed,ICANN Org,TBD,Open\r\n'
    c["bom_then_no_action_column"] = "\ufeffItem #,Owner\r\n1,ICANN Org\r\n"
    c["only_bom"] = "\ufeff"
    c["empty_file"] = ""
    c["blank_lines_only"] = "\r\n\r\n\n"
    c["tag_with_line_break"] = 'Action,Tags\r\nDraft plan,"one\ntwo"\r\n'
    # "Action Owner" is the owner and "Action Item No." the number: no action column.
    c["no_action_column_best_match"] = (
        "Action Item No.,Action Owner,Anticipated Completion Date\r\n1,ICANN Org,TBD\r\n"
    )
    c["ragged_row_wiki_export"] = (
        "Item #,Date of Request,Action Item Request,Action Owner\r\n"
        "1,30 May 2017,Share the note,ICANN Org\r\n2,31 May 2017,Send it\r\n"
    )
    c["bad_check_column_date"] = "Action,Owner,Completion Date\r\nBook it,Staff,31 June 2017\r\n"
    return c


def task(**kw):
    base = {"uuid": "5bdf5cb2-a117-4286-b23a-8d85284336d0", "description": "Draft plan",
            "status": "pending", "entry": "20170615T000000Z"}
    base.update(kw)
    return {k: v for k, v in base.items() if v is not DROP}


DROP = object()


def json_doc(items):
    return json.dumps({"format": "libtracker", "version": 1, "items": items}, indent=2)


def item(**kw):
    base = {"text": "Draft SSR2 work plan", "owners": ["Co-Chairs"], "due": "2017-05-30",
            "state": "open"}
    base.update(kw)
    return {k: v for k, v in base.items() if v is not DROP}


def json_cases():
    c = {}
    c["truncated_document"] = json_doc([item()])[:-10]
    c["trailing_comma"] = '{"format": "libtracker", "version": 1, "items": [{"text": "x"},]}'
    c["single_quotes"] = "{'format': 'libtracker', 'items': []}"
    c["comments"] = '{"items": [ // a comment\n {"text": "x"}]}'
    c["unquoted_key"] = '{items: [{"text": "x"}]}'
    c["nan_value"] = '{"items": [{"text": "x", "version": NaN}]}'
    c["two_documents"] = '{"items": []}\n{"items": []}'
    c["empty_file"] = ""
    c["whitespace_only"] = "  \n\t \n"
    c["invalid_utf8_in_string"] = b'{"items": [{"text": "Draft \xff plan"}]}'
    c["invalid_utf8_surrogate_escape"] = '{"items": [{"text": "Draft \\ud800 plan"}]}'
    c["nul_byte_raw"] = b'{"items": [{"text": "Draft\x00plan"}]}'
    c["nul_byte_escaped"] = '{"items": [{"text": "Draft\\u0000plan"}]}'
    c["control_character_escaped"] = '{"items": [{"text": "Draft\\u0007plan"}]}'
    c["deep_nesting"] = "[" * 10000 + "]" * 10000
    c["root_is_string"] = '"items"'
    c["root_is_number"] = "42"
    c["root_is_null"] = "null"
    c["wrong_format_name"] = json.dumps({"format": "todo.txt", "version": 1, "items": []})
    c["format_not_string"] = json.dumps({"format": 1, "items": []})
    c["unsupported_version"] = json.dumps({"format": "libtracker", "version": 2, "items": []})
    c["version_is_string"] = json.dumps({"format": "libtracker", "version": "1", "items": []})
    c["missing_items"] = json.dumps({"format": "libtracker", "version": 1})
    c["items_is_object"] = json.dumps({"format": "libtracker", "version": 1, "items": {"text": "x"}})
    c["items_is_string"] = json.dumps({"items": "Draft plan"})
    c["item_is_string"] = json_doc(["Draft plan"])
    c["item_is_array"] = json_doc([["Draft plan"]])
    c["item_is_null"] = json_doc([item(), None])
    c["missing_text"] = json_doc([item(), item(text=DROP)])
    c["empty_text"] = json_doc([item(text="")])
    c["whitespace_text"] = json_doc([item(text="   ")])
    c["text_is_number"] = json_doc([item(text=42)])
    c["text_is_array"] = json_doc([item(text=["Draft"])])
    c["details_is_object"] = json_doc([item(details={"a": 1})])
    c["owners_is_string"] = json_doc([item(owners="Co-Chairs")])
    c["owners_holds_number"] = json_doc([item(owners=["Co-Chairs", 7])])
    c["owners_holds_null"] = json_doc([item(owners=[None])])
    c["tags_is_number"] = json_doc([item(tags=5)])
    c["unknown_state"] = json_doc([item(state="waiting-for-godot")])
    c["state_is_number"] = json_doc([item(state=3)])
    c["state_is_bool"] = json_doc([item(state=True)])
    c["due_not_iso"] = json_doc([item(due="30 May")])
    c["due_no_such_day"] = json_doc([item(due="2017-02-30")])
    c["due_is_number"] = json_doc([item(due=20170530)])
    c["due_trailing_text"] = json_doc([item(due="2017-05-30x")])
    c["created_not_a_date"] = json_doc([item(created="yesterday")])
    c["created_is_object"] = json_doc([item(created={"y": 2017})])
    c["closed_month_13"] = json_doc([item(state="done", closed="2017-13-01")])
    c["impact_unknown"] = json_doc([item(impact="extreme")])
    c["effort_is_number"] = json_doc([item(effort=3)])
    c["id_is_string"] = json_doc([item(id="seven")])
    c["version_is_float_string"] = json_doc([item(version="1.5")])
    c["meeting_is_string"] = json_doc([item(meeting="SSR2 call")])
    # Found by fuzzing: numbers that are not whole or do not fit in 64 bits.
    c["id_beyond_64_bits"] = json_doc([item(id=11111111111111111111117)])
    c["version_is_fraction"] = json_doc([item(version=1.5)])
    c["meeting_is_fraction"] = json_doc([item(meeting=2.5)])
    c["number_overflow"] = json_doc([item()]).replace('"state": "open"', '"state": "open", "x": 1e99999')
    c["ref_is_number_array"] = json_doc([item(ref=[1])])
    c["notes_is_object"] = json_doc([item(notes={"text": "x"})])
    c["note_is_string"] = json_doc([item(notes=["a note"])])
    c["note_without_text"] = json_doc([item(notes=[{"at": "2017-06-15T10:00:00Z", "author": "x"}])])
    c["note_bad_time"] = json_doc([item(notes=[{"at": "15/06/2017", "author": "x", "text": "y"}])])
    c["note_time_hour_25"] = json_doc([item(notes=[{"at": "2017-06-15T25:00:00Z", "author": "x", "text": "y"}])])
    c["note_text_is_number"] = json_doc([item(notes=[{"at": "2017-06-15T10:00:00Z", "text": 5}])])
    c["history_is_string"] = json_doc([item(history="created")])
    c["history_unknown_kind"] = json_doc([item(history=[{"at": "2017-06-15T10:00:00Z", "actor": "x", "kind": "renamed"}])])
    c["history_not_starting_with_created"] = json_doc([item(history=[
        {"at": "2017-06-15T10:00:00Z", "actor": "x", "kind": "changed", "field": "due", "old": "", "new": "2017-06-20", "version": 2}])])
    c["history_unknown_field"] = json_doc([item(history=[
        {"at": "2017-06-15T10:00:00Z", "actor": "x", "kind": "created", "new": "x", "version": 1},
        {"at": "2017-06-16T10:00:00Z", "actor": "x", "kind": "changed", "field": "colour", "old": "", "new": "red", "version": 2}])])
    c["history_bad_state_value"] = json_doc([item(history=[
        {"at": "2017-06-15T10:00:00Z", "actor": "x", "kind": "created", "new": "x", "version": 1},
        {"at": "2017-06-16T10:00:00Z", "actor": "x", "kind": "changed", "field": "state", "old": "open", "new": "finished-ish", "version": 2}])])
    c["history_version_is_string"] = json_doc([item(history=[
        {"at": "2017-06-15T10:00:00Z", "actor": "x", "kind": "created", "new": "x", "version": "one"}])])
    c["history_missing_at"] = json_doc([item(history=[{"actor": "x", "kind": "created"}])])
    c["bad_item_after_good_ones"] = json_doc([item(text=f"Action {i}") for i in range(30)] + [item(due="tomorrow")])
    return c


def tw(tasks):
    return "[\n" + ",\n".join(json.dumps(t) for t in tasks) + "\n]\n"


def taskwarrior_cases():
    c = {}
    c["not_json"] = "task 1 add Draft plan\n"
    c["truncated_array"] = tw([task()])[:-4]
    c["object_root_with_array_mode"] = '[{"description": "x", "status": "pending"}'
    c["root_is_object_with_items"] = "[" + json.dumps({"items": [task()]})[1:-1]
    c["array_of_strings"] = tw(["Draft plan"])
    c["array_of_arrays"] = tw([["Draft plan"]])
    c["missing_description"] = tw([task(), task(description=DROP)])
    c["empty_description"] = tw([task(description="")])
    c["description_is_number"] = tw([task(description=12)])
    c["missing_status"] = tw([task(status=DROP)])
    c["unknown_status"] = tw([task(status="archived")])
    c["status_is_number"] = tw([task(status=1)])
    c["uuid_not_a_uuid"] = tw([task(uuid="not-a-uuid")])
    c["uuid_is_number"] = tw([task(uuid=1234)])
    c["entry_bad_timestamp"] = tw([task(entry="2017-06-15")])
    c["entry_is_number"] = tw([task(entry=1497484800)])
    c["due_bad_timestamp"] = tw([task(due="20170632T000000Z")])
    c["due_hour_99"] = tw([task(due="20170615T990000Z")])
    c["end_garbage"] = tw([task(status="completed", end="yesterday")])
    c["start_garbage"] = tw([task(start="now")])
    c["tags_is_string"] = tw([task(tags="one,two")])
    c["tags_holds_number"] = tw([task(tags=["one", 2])])
    c["annotations_is_string"] = tw([task(annotations="a note")])
    c["annotation_is_string"] = tw([task(annotations=["a note"])])
    c["annotation_without_description"] = tw([task(annotations=[{"entry": "20170615T000000Z"}])])
    c["annotation_bad_entry"] = tw([task(annotations=[{"entry": "soon", "description": "x"}])])
    c["priority_unknown"] = tw([task(priority="URGENT")])
    c["priority_is_number"] = tw([task(priority=1)])
    c["owner_uda_not_a_name"] = tw([task(owner="1234")])
    c["owner_uda_is_array"] = tw([task(owner=["Alice"])])
    c["trackertags_not_json"] = tw([task(trackertags="source:x")])
    c["trackerstate_unknown"] = tw([task(trackerstate="frozen")])
    c["invalid_utf8_description"] = b'[{"uuid": "5bdf5cb2-a117-4286-b23a-8d85284336d0", "description": "Draft \xfe", "status": "pending"}]'
    c["nul_in_description"] = tw([task(description="Draft\u0000plan")])
    c["control_character_in_annotation"] = tw([task(annotations=[{"entry": "20170615T000000Z", "description": "a\u001bnote"}])])
    c["json_lines_bad_second_line"] = json.dumps(task()) + "\n" + '{"description": "x", "status": }' + "\n"
    c["json_lines_unknown_status"] = json.dumps(task()) + "\n" + json.dumps(task(status="someday")) + "\n"
    c["deep_nesting"] = "[" * 5000 + "]" * 5000
    # Found by fuzzing: a number too large for a double.
    c["number_overflow"] = tw([task()]).replace('"status"', '"urgency": 2e99999, "status"')
    c["bad_task_after_good_ones"] = tw([task(uuid=f"5bdf5cb2-a117-4286-b23a-8d85284336{i:02d}",
                                             description=f"Task {i}") for i in range(20)] + [task(status="")])
    return c


def write(directory, cases, suffix):
    out = HERE / directory
    out.mkdir(exist_ok=True)
    for old in out.iterdir():
        old.unlink()
    for name, content in cases.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (out / (name + suffix)).write_bytes(data)
    return len(cases)


if __name__ == "__main__":
    n = write("csv", csv_cases(), ".csv")
    n += write("json", json_cases(), ".json")
    n += write("taskwarrior", taskwarrior_cases(), ".json")
    print(f"{n} bad inputs written")
