package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// An archive may give recorded times later than this machine's clock (the
// machine it was exported from had its clock ahead, or the file was
// edited). The import keeps them, and every later push to such a figure is
// recorded after them (a push is recorded after every version it writes
// over), so a correction pushed today reads recorded months ahead. The
// import said nothing of it; now it says how many versions are recorded
// after the clock, the latest such time, and that later pushes are recorded
// after them.
func TestImportSaysWhichRecordedTimesAreAfterTheClock(t *testing.T) {
	dir := seededDir(t)
	archive := filepath.Join(t.TempDir(), "store.json.gz")
	mustRun(t, "export", "--data-dir", dir, "--out", archive)
	a := readArchiveFile(t, archive)
	const ahead = 365 * 24 * time.Hour
	n, shifted := 0, 0
	var latest time.Time
	later := func(r time.Time) time.Time {
		r = r.Add(ahead)
		n++
		if r.After(latest) {
			latest = r
		}
		return r
	}
	for i := range a.Observations {
		if !a.Observations[i].Recorded.IsZero() && i%2 == 0 { // half of them ahead
			a.Observations[i].Recorded = later(a.Observations[i].Recorded)
			shifted++
		}
	}
	for i := range a.Targets {
		if !a.Targets[i].Recorded.IsZero() {
			a.Targets[i].Recorded = later(a.Targets[i].Recorded)
		}
	}
	if shifted == 0 || n == 0 {
		t.Fatal("the seeded store's archive has no recorded times to move ahead")
	}
	edited := filepath.Join(t.TempDir(), "ahead.json")
	data, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(edited, data, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, to := range importStores(t) {
		t.Run(to.name, func(t *testing.T) {
			out := mustRun(t, append([]string{"import", edited}, to.flags(t)...)...)
			t.Logf("import says:\n%s", out)
			for _, want := range []string{
				fmt.Sprintf("%d vintages and target versions are recorded after this machine's clock", n),
				"the latest at " + latest.UTC().Format(time.RFC3339Nano),
				"each later push to such a figure or target is recorded after them",
			} {
				if !strings.Contains(out, want) {
					t.Errorf("import does not say %q", want)
				}
			}
		})
	}

	// An archive whose recorded times are all past says nothing of it.
	plain := mustRun(t, "import", "--data-dir", t.TempDir(), archive)
	if strings.Contains(plain, "after this machine's clock") {
		t.Errorf("import of an archive recorded in the past says %q", plain)
	}
}
