package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// outFile is a file a command writes when its work is done, opened before
// the work starts: a path that cannot be created is said at once, not after
// minutes of forecasting, and what is written appears whole or not at all.
// A regular file (new, or replacing one) is written to a temporary file
// beside it, which Commit renames into place and Abort removes; a device or
// a pipe (/dev/stdout) is written in place.
type outFile struct {
	path   string // as the user gave it: every error names it
	target string // the file path names (a link's target)
	f      *os.File
	tmp    string // the temporary file's name; "" when writing in place
}

// createOut opens path for a command's output, or says why it cannot be
// created, naming path: its directory does not exist or may not be
// written, it is a directory, or it is a file that may not be written.
func createOut(path string) (*outFile, error) {
	o := &outFile{path: path, target: path}
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		o.target = resolved // write the file a link points to, not over the link
	}
	info, err := os.Stat(o.target)
	switch {
	case err == nil && info.IsDir():
		return nil, &fs.PathError{Op: "open", Path: path, Err: syscall.EISDIR}
	case err == nil && !info.Mode().IsRegular():
		if o.f, err = os.OpenFile(o.target, os.O_WRONLY, 0); err != nil {
			return nil, o.named(err)
		}
		return o, nil
	case err == nil:
		// An existing file is replaced only if it could be written: a
		// read-only one stays as protected as os.Create left it.
		f, err := os.OpenFile(o.target, os.O_WRONLY, 0)
		if err != nil {
			return nil, o.named(err)
		}
		f.Close()
	default:
		// No file there, or none that can be looked at: creating one
		// says why not ("not a directory", "permission denied").
	}
	if o.f, err = createPart(o.target, 0o666); err != nil { // 0666 less the umask, as os.Create would have made the file
		// "open DIR/.fc.csv.part-…: no such file or directory" is about
		// the user's path: said of it.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, &fs.PathError{Op: pe.Op, Path: path, Err: pe.Err}
		}
		return nil, err
	}
	o.tmp = o.f.Name()
	if info != nil {
		if err := o.f.Chmod(info.Mode().Perm()); err != nil { // the replaced file's mode
			o.Abort()
			return nil, o.named(err)
		}
	}
	return o, nil
}

// errNoFreePartName says that every temporary name tried was taken.
var errNoFreePartName = errors.New("no free temporary name beside it")

// createPart creates a part file of target beside it, to be renamed or
// linked to target once it is whole, with mode perm less the umask. It is
// named with this process's host and PID (partOwner), and the part files
// of target that writers gone left are removed first (removeStaleParts).
// Every command that writes a file through a part file (backup and serve's
// scheduled backups, export, restore, backtest) creates it here.
func createPart(target string, perm fs.FileMode) (*os.File, error) {
	removeStaleParts(target)
	for range 10 {
		var suffix [6]byte
		rand.Read(suffix[:])
		name := filepath.Join(filepath.Dir(target), partPrefix(target)+partOwner()+"-"+hex.EncodeToString(suffix[:]))
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, &fs.PathError{Op: "create", Path: target, Err: errNoFreePartName}
}

// Write writes to the file.
func (o *outFile) Write(b []byte) (int, error) {
	n, err := o.f.Write(b)
	return n, o.named(err)
}

// Commit ends the output: the temporary file is synced, closed and renamed
// to the path. On an error it is removed, and the path is as it was.
func (o *outFile) Commit() error {
	if o.tmp == "" {
		return o.named(o.f.Close())
	}
	err := o.f.Sync()
	if cerr := o.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(o.tmp, o.target)
	}
	if err != nil {
		os.Remove(o.tmp)
		return o.named(err)
	}
	return nil
}

// Abort gives the output up: the temporary file is removed, and the path
// is as it was.
func (o *outFile) Abort() {
	o.f.Close()
	if o.tmp != "" {
		os.Remove(o.tmp)
	}
}

// named says an error about the temporary file or a link's target of the
// path the user gave.
func (o *outFile) named(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && (pe.Path == o.tmp || pe.Path == o.target) {
		return &fs.PathError{Op: pe.Op, Path: o.path, Err: pe.Err}
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return &fs.PathError{Op: "rename into place", Path: o.path, Err: le.Err}
	}
	return err
}

// A process killed outright (SIGKILL, the OOM killer, a power cut) removes
// nothing, and its part file, hidden by its dot, would stay beside the
// output forever. So a part file's name says who writes it,
// ".fc.csv.part-HOST-PID-RANDOM", and the next run for the same output
// removes those of its own host whose process is gone. A part file is
// never removed while its writer may be alive: a live PID (even one reused
// by another program since) and another host's (a directory shared over
// the network, where this host cannot see the writer) are left alone.
//
// Part files of the older unnamed form (".fc.csv.part-RANDOM", RANDOM hex
// or decimal digits, as plancast wrote them before it named the writer)
// say nothing of their writer, which may be an older plancast still
// running. Such a file is removed once it has not been written for
// oldPartAge: a writer copies without pause, so a part untouched for an
// hour is one whose writer is gone. If an old writer was stalled that long
// after all (a server that stopped sending), it fails when it names its
// file, saying so, and keeps nothing half-written: the cost of a mistake is
// one failed run, never a wrong file.

// oldPartAge is how long a part file of the older unnamed form must have
// gone unwritten before it is taken for a dead writer's.
const oldPartAge = time.Hour

// partPrefix is the start of the names of the part files of target.
func partPrefix(target string) string {
	return "." + filepath.Base(target) + ".part-"
}

// partOwner is the HOST-PID a part file of this process is named with.
func partOwner() string {
	return partHost() + "-" + strconv.Itoa(os.Getpid())
}

// partHost is this host's name as a part file's name carries it: the
// characters of a host name ("-" among them: the name is read from the
// right), anything else as "_", and "localhost" when it has none.
func partHost() string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		return "localhost"
	}
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '.' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return r
		}
		return '_'
	}, host)
}

// removeStaleParts removes the part files of target left by processes of
// this host that no longer run, and those of the older unnamed form not
// written for oldPartAge.
func removeStaleParts(target string) {
	prefix := partPrefix(target)
	removeStalePartsIn(filepath.Dir(target), func(name string) (string, bool) {
		return strings.CutPrefix(name, prefix)
	})
}

// removeStalePartsIn removes the stale part files in dir: partOf says
// whether a name is that of a part file, and returns what follows its
// ".part-" (its writer, HOST-PID-RANDOM, or the older RANDOM alone). It is
// tidying only: a directory that cannot be listed or a file that cannot be
// removed is left as it is, and creating the output says what is wrong
// with the directory.
func removeStalePartsIn(dir string, partOf func(name string) (rest string, ok bool)) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	host := partHost()
	for _, e := range entries {
		rest, ok := partOf(e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		if unnamedPart(rest) {
			if info, err := e.Info(); err != nil || time.Since(info.ModTime()) < oldPartAge {
				continue
			}
			os.Remove(filepath.Join(dir, e.Name()))
			continue
		}
		// HOST-PID-RANDOM, read from the right: the host may hold "-".
		i := strings.LastIndexByte(rest, '-')
		if i < 0 {
			continue
		}
		j := strings.LastIndexByte(rest[:i], '-')
		if j < 0 || rest[:j] != host {
			continue
		}
		pid, err := strconv.Atoi(rest[j+1 : i])
		if err != nil || pid <= 0 || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

// unnamedPart reports whether rest, what follows a part file's ".part-",
// is of the older unnamed form: random hex or decimal digits alone.
func unnamedPart(rest string) bool {
	return rest != "" && strings.Trim(rest, "0123456789abcdef") == ""
}
