package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// PLANCAST_CPUPROFILE naming a file that cannot be created is said on
// stderr, with the path and why, and the command runs on: it was dropped
// without a word, and no profile was there after the run. One that can be
// created is written.
func TestACPUProfileThatCannotBeWrittenIsSaid(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nodir", "prof.out")
	var stderr bytes.Buffer
	startCPUProfile(missing, &stderr)()
	want := "plancast: PLANCAST_CPUPROFILE=" + missing + ": no CPU profile is written: open " + missing + ": no such file or directory\n"
	if stderr.String() != want {
		t.Errorf("stderr %q\nwant %q", stderr.String(), want)
	}

	stderr.Reset()
	path := filepath.Join(t.TempDir(), "prof.out")
	startCPUProfile(path, &stderr)()
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 || stderr.Len() != 0 {
		t.Errorf("a writable profile: %v, stderr %q; want a profile written without a word", err, stderr.String())
	}
}
