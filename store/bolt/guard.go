package bolt

import (
	"os"

	"github.com/plancast/plancast"
)

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
