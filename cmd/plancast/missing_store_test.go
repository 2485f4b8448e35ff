package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// token list and ingest --dry-run only read the store: on a data directory
// that holds none (a mistyped --data-dir) they answer as forecast, history,
// chart, backup and export do, and create nothing; they created an empty
// store there and answered from it ("no tokens", "region is unknown").
func TestTokenListAndDryRunOnAMissingStoreCreateNothing(t *testing.T) {
	csv := filepath.Join(t.TempDir(), "houma-2022.csv")
	if err := os.WriteFile(csv, []byte("region,indicator,year,value,status,published\nhouma,gdp,2022,140.1,final,2023-03-01\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"token", "list"},
		{"ingest", "--dry-run", csv},
		{"forecast", "--region", "houma", "--indicator", "gdp"},
	} {
		dir := filepath.Join(t.TempDir(), "nostore9")
		code, stdout, stderr := run(t, append(args, "--data-dir", dir)...)
		want := "there is no embedded store at " + filepath.Join(dir, "plancast.db") + ": check --data-dir (env PLANCAST_DATA_DIR)"
		if code != 1 || stdout != "" || !strings.Contains(stderr, want) {
			t.Errorf("%v on a missing store: exit %d, %q %q; want exit 1 and %q", args, code, stdout, stderr, want)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("%v on a missing store created %s (%v)", args, dir, err)
		}
	}
}
