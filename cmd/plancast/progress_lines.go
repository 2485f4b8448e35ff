package main

import (
	"bytes"
	"io"
	"os"
	"sync"
	"time"
)

// Progress is written for a terminal: each update starts with "\r" and
// overwrites the one before, and the finished line ends with "\n". In a
// log file (a cron job's, a CI job's, `2>ingest.log`) that is one line
// holding every update, and less shows it as a row of ^M. When stderr is not
// a terminal, progressLines turns the updates into lines of their own, at
// most one every logEvery, and always the last before a line ends: the log
// shows that a run is moving and where it finished, nothing more.

// logEvery is how often a progress update reaches a log.
const logEvery = 10 * time.Second

// stderrFor returns f as progress should be written to it: f itself on a
// terminal, else f through a progressLines.
func stderrFor(f *os.File) io.Writer {
	if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		return f
	}
	return &progressLines{out: f, every: logEvery, now: time.Now}
}

// progressLines writes "\r"-updates to out as lines: an update is kept
// until logEvery has passed since the last one written (then written), or
// until the line is ended, by a write of "\n" or of anything else (then
// written, if it was not, and its line ended). Every other write passes
// through unchanged.
type progressLines struct {
	mu      sync.Mutex
	out     io.Writer
	every   time.Duration
	now     func() time.Time
	last    time.Time // when an update was last written
	pending []byte    // the latest update not written yet
	open    bool      // an update of the current line has been seen
}

func (p *progressLines) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if update, ok := bytes.CutPrefix(b, []byte("\r")); ok && !bytes.ContainsAny(update, "\r\n") {
		p.open = true
		p.pending = append(p.pending[:0], update...)
		if t := p.now(); t.Sub(p.last) >= p.every {
			p.last = t
			return len(b), p.flush()
		}
		return len(b), nil
	}
	if p.open {
		p.open = false
		if err := p.flush(); err != nil {
			return 0, err
		}
		if string(b) == "\n" {
			return len(b), nil // the line ended: its last update is a line already
		}
	}
	return p.out.Write(b)
}

// flush writes the pending update as a line.
func (p *progressLines) flush() error {
	if len(p.pending) == 0 {
		return nil
	}
	_, err := p.out.Write(append(p.pending, '\n'))
	p.pending = p.pending[:0]
	return err
}
