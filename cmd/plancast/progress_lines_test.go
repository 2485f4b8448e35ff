package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// In a log, progress reads as lines: the first update, then one every
// logEvery, and the last before its line ends; no "\r" and no blank line.
// Other output passes through as written.
func TestProgressInALogIsLines(t *testing.T) {
	var out bytes.Buffer
	clock := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	p := &progressLines{out: &out, every: 10 * time.Second, now: func() time.Time { return clock }}
	fmt.Fprintln(p, "reading 3 files")
	for rows := 10000; rows <= 120000; rows += 10000 {
		fmt.Fprintf(p, "\rf.csv: %d rows read", rows)
		clock = clock.Add(3 * time.Second) // an update every 3 s: one in four reaches the log
	}
	clock = clock.Add(-3 * time.Second)
	fmt.Fprintf(p, "\rf.csv: %d rows read", 120001) // 9 s after 90000's: kept
	fmt.Fprintln(p)                                 // the line ends: written
	fmt.Fprintf(p, "\rg.csv: %d rows read", 10000)  // kept
	clock = clock.Add(time.Second)
	fmt.Fprintf(p, "\rg.csv: %d rows read", 15000) // 10 s after 90000's: written
	fmt.Fprintf(p, "\rg.csv: %d rows read", 20000) // kept
	fmt.Fprintln(p, "g.csv: 2 problems")           // output that ends the line of updates
	want := "reading 3 files\n" +
		"f.csv: 10000 rows read\n" + // the first
		"f.csv: 50000 rows read\n" + // 12 s later
		"f.csv: 90000 rows read\n" +
		"f.csv: 120001 rows read\n" + // the last, when the line ends
		"g.csv: 15000 rows read\n" +
		"g.csv: 20000 rows read\n" + // the last, before the output that ends its line
		"g.csv: 2 problems\n"
	if out.String() != want {
		t.Errorf("the log reads\n%s\nwant\n%s", out.String(), want)
	}
}

// A terminal gets progress as it is written, "\r" and all; a file does not.
func TestProgressGoesToATerminalUnchanged(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, ok := stderrFor(f).(*progressLines); !ok {
		t.Errorf("a file gets progress unchanged; want it as lines")
	}
	tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0)
	if err != nil {
		tty, err = os.OpenFile(os.DevNull, os.O_WRONLY, 0) // no controlling terminal (CI): /dev/null is a character device too
		if err != nil {
			t.Fatal(err)
		}
	}
	defer tty.Close()
	if w := stderrFor(tty); w != tty {
		t.Errorf("%s gets progress as lines; want it unchanged", tty.Name())
	}
}
