package main

import (
	"strings"
	"testing"
)

// A file that holds nothing (a header without rows) gets the same verdict
// on the store and through a server: beside a file that holds figures it
// counts 0 and is named in a note, and the push goes on; a push of nothing
// else is refused, naming the file. Through a server it used to be refused
// beside x1.csv ("the body holds no observations"), on the store taken
// alone ("0 new").
func TestAFileHoldingNothingHasTheSameVerdictOnTheStoreAndThroughAServer(t *testing.T) {
	header := writeFile(t, "header_only.csv", "region,indicator,year,value,unit\n")
	x1 := writeFile(t, "x1.csv", "region,indicator,year,value,unit\nhouma,gdp,2022,140.1,亿元\n")
	const note = "note: header_only.csv holds no figures or targets (a header without rows, or an empty list): 0 from it\n"
	const refusal = "header_only.csv: holds no figures or targets (a header without rows, or an empty list), so the push would write nothing"
	url, admin := serverWithAdmin(t, nil)
	for _, via := range []struct {
		name string
		args []string
	}{
		{"on the store", []string{"--data-dir", catalogDir(t)}},
		{"through a server", []string{"--server", url, "--token", admin}},
	} {
		code, stdout, stderr := run(t, append(append([]string{"ingest"}, via.args...), header, x1)...)
		if code != 0 || !strings.Contains(stdout, note) || !strings.Contains(stdout, "1 new") {
			t.Errorf("%s, with x1.csv: exit %d, stdout\n%s%s\nwant 0, x1.csv's figure written and the note\n%s", via.name, code, stdout, stderr, note)
		}
		code, stdout, stderr = run(t, append(append([]string{"ingest"}, via.args...), header)...)
		if code != 1 || !strings.Contains(stdout, refusal) || !strings.Contains(stdout+stderr, "nothing was written") {
			t.Errorf("%s, alone: exit %d, stdout\n%s%s\nwant 1 and %q", via.name, code, stdout, stderr, refusal)
		}
	}
}
