package bolt

import (
	"errors"
	"os"
	"runtime/debug"
	"time"

	"go.etcd.io/bbolt"

	"github.com/plancast/plancast"
)

// restoreAdvice is what to do with a store found damaged under a running
// server.
const restoreAdvice = "stop plancast serve and restore a backup (plancast restore --from FILE; serve --backup-dir keeps checked copies)"

// guard is the check of the file before each transaction (view, update,
// Snapshot, Status). bbolt trusts its file once open: meta pages damaged
// under it panic inside Begin with its locks held, so that every later
// transaction, the probe's and the Close at shutdown wait for ever; a page
// past the end of a file cut short is a SIGBUS that takes the process
// down. guard reads what Begin would, from the file bbolt has open (not
// the path: the one it maps): the file's size and both meta pages (one
// fstat and two reads of 80 bytes), and refuses a file of 0 bytes, with no
// valid meta page, or shorter than the pages its meta page counts. That
// damage is kept (broken): later transactions fail at once with the same
// cause, without touching the mapping again.
//
// A write is checked as well against the path (one stat): once the file
// was removed or replaced, a write would go into a file that no later
// start finds, and a restore of a copy taken meanwhile loses it, so it is
// refused (nothing acknowledged that a restore would lose). Reads go on:
// the file bbolt has open is whole, and a copy of it (GET /api/v1/backup)
// is how it is kept.
//
// BenchmarkGuard: the cost per transaction, a few microseconds.
func (s *Store) guard(write bool) error {
	if e := s.broken.Load(); e != nil {
		return *e
	}
	if s.file != nil {
		if err := s.fileDamage(); err != nil {
			s.broken.CompareAndSwap(nil, &err)
			return *s.broken.Load()
		}
	}
	if write {
		return s.moved()
	}
	return nil
}

// moved is the EUNAVAILABLE error of the store's path no longer being the
// file this server opened (removed, or another file put in its place), nil
// while it is.
func (s *Store) moved() error {
	onDisk, err := os.Stat(s.path)
	return s.movedFrom(onDisk, err)
}

// movedFrom is moved of os.Stat's answer for the path.
func (s *Store) movedFrom(onDisk os.FileInfo, err error) error {
	if err == nil && (s.opened == nil || os.SameFile(s.opened, onDisk)) {
		return nil
	}
	what := "replaced by another file"
	if err != nil {
		what = "removed"
	}
	return plancast.Errorf(plancast.EUNAVAILABLE,
		"the embedded store %s was %s after this server opened it: the server still reads the file it opened, which no later start will find, and takes no writes into it (a copy taken now would not have them); download a copy of it now (GET /api/v1/backup with an admin token), stop plancast serve, and put the copy in place (plancast restore --from FILE)",
		s.path, what)
}

// fileDamage is the EUNAVAILABLE error of the file bbolt has open being of
// 0 bytes, without a valid meta page, or cut short; nil otherwise.
func (s *Store) fileDamage() error {
	info, err := s.file.Stat()
	if err != nil {
		return plancast.Errorf(plancast.EUNAVAILABLE, "the embedded store %s does not read: %v; %s", s.path, err, restoreAdvice)
	}
	size := info.Size()
	if size == 0 {
		return plancast.Errorf(plancast.EUNAVAILABLE, "the embedded store %s is empty (0 bytes): it was emptied after this server opened it; %s", s.path, restoreAdvice)
	}
	best := newestMeta(s.file, s.pageSize)
	if best == nil {
		if size < 2*s.pageSize {
			return plancast.Errorf(plancast.EUNAVAILABLE, "the embedded store %s is %s after this server opened it; %s", s.path, shortError{size, 2 * s.pageSize}, restoreAdvice)
		}
		return plancast.Errorf(plancast.EUNAVAILABLE, "the embedded store %s does not read: both its meta pages are damaged (overwritten after this server opened it); %s", s.path, restoreAdvice)
	}
	if want := pagesEnd(best, s.pageSize); size < want {
		return plancast.Errorf(plancast.EUNAVAILABLE, "the embedded store %s is %s; %s", s.path, shortError{size, want}, restoreAdvice)
	}
	return nil
}

// view is db.View behind guard, with a panic (a page damaged: bbolt
// panics on a page that is not what its parent says; a fault reading the
// mapping) answered as the EUNAVAILABLE error it is, not a crash.
func (s *Store) view(fn func(tx *bbolt.Tx) error) (err error) {
	if err := s.guard(false); err != nil {
		return err
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer s.recoverDamage(&err)
	return s.db.View(fn)
}

// recoverDamage turns a panic of a transaction into its error: the file's
// damage when guard now finds some, else a page that does not read.
func (s *Store) recoverDamage(err *error) {
	r := recover()
	if r == nil {
		return
	}
	if e := s.guard(false); e != nil {
		*err = e
		return
	}
	*err = plancast.Errorf(plancast.EUNAVAILABLE, "the embedded store %s does not read (%v): a page of the file is damaged; %s", s.path, r, restoreAdvice)
}

// closeWait is how long Close waits for bbolt to let go of the file.
const closeWait = 5 * time.Second

// errCloseTimeout is Close's error when bbolt still holds its locks after
// closeWait (a transaction that never ended).
var errCloseTimeout = errors.New("the embedded store did not close")
