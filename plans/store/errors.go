package store

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Kinds of failure the GUI tells apart. Test with errors.Is; UserMessage
// turns any of them into a Dutch sentence.
var (
	// ErrLocked: another running instance holds the data folder.
	ErrLocked = errors.New("the data folder is in use by another instance")
	// ErrNewerSchema: the file was written by a newer app; see *NewerSchemaError.
	ErrNewerSchema = errors.New("the database was made by a newer version of the app")
	// ErrOlderSchema: a read-only store found a file that still needs a migration.
	ErrOlderSchema = errors.New("the database needs an upgrade that a read-only store cannot do")
	// ErrReadOnly: a write was asked of a store opened with OpenReadOnly.
	ErrReadOnly = errors.New("the store is open read-only")
	// ErrNoAccess: the folder or file may not be written (permissions, read-only disk).
	ErrNoAccess = errors.New("no write access")
	// ErrCorrupt: the file is not a readable SQLite database.
	ErrCorrupt = errors.New("the database file is damaged")
	// ErrDiskFull: the disk has no room left.
	ErrDiskFull = errors.New("the disk is full")
	// ErrNotFound: the self-check asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid: input the store refuses; see *InputError.
	ErrInvalid = errors.New("invalid input")
)

// NewerSchemaError says which schema the file has and which this app knows.
type NewerSchemaError struct {
	Path  string
	Found int
	Known int
}

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("%s has schema version %d, this app knows up to version %d", e.Path, e.Found, e.Known)
}

func (e *NewerSchemaError) Unwrap() error { return ErrNewerSchema }

// FileError ties a failure to the file or folder it concerns, so the GUI can
// name it. Kind is one of the sentinels above; Err is the cause.
type FileError struct {
	Path string
	Kind error
	Err  error
}

func (e *FileError) Error() string { return fmt.Sprintf("%s: %v: %v", e.Path, e.Kind, e.Err) }

func (e *FileError) Unwrap() []error { return []error{e.Kind, e.Err} }

// InputError is refused input. Its message is Dutch because it is meant for
// the user as it stands.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

func (e *InputError) Unwrap() error { return ErrInvalid }

// classify attaches a Kind to errors whose cause the user can act on
// (permissions, damage, a full disk) and returns others unchanged.
func classify(path string, err error) error {
	if err == nil {
		return nil
	}
	var fe *FileError
	if errors.As(err, &fe) {
		return err
	}
	var kind error
	var se *sqlite.Error
	switch {
	case errors.As(err, &se):
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_AUTH:
			kind = ErrNoAccess
		case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
			kind = ErrCorrupt
		case sqlite3.SQLITE_FULL:
			kind = ErrDiskFull
		}
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		kind = ErrNoAccess
	case errors.Is(err, syscall.ENOSPC):
		kind = ErrDiskFull
	}
	if kind == nil {
		return err
	}
	return &FileError{Path: path, Kind: kind, Err: err}
}

// UserMessage is a Dutch sentence for the GUI: what happened and what to do.
// It never shows Go or SQLite wording.
func UserMessage(err error) string {
	if err == nil {
		return ""
	}
	var ie *InputError
	if errors.As(err, &ie) {
		return ie.Msg
	}
	var nse *NewerSchemaError
	if errors.As(err, &nse) {
		return fmt.Sprintf("Deze gegevens zijn gemaakt met een nieuwere versie van Zelfscan GGG (schema %d). Werk de app bij; het bestand is niet gewijzigd.", nse.Found)
	}
	path := "de gegevensmap"
	var fe *FileError
	if errors.As(err, &fe) {
		path = fe.Path
	}
	switch {
	case errors.Is(err, ErrLocked):
		return "Zelfscan GGG is al geopend op deze computer. Sluit het andere venster en probeer het opnieuw."
	case errors.Is(err, ErrReadOnly):
		return "Zelfscan GGG is al geopend in een ander venster, daarom kunt u hier alleen kijken. Wijzigingen worden niet bewaard. Sluit het andere venster en start de app opnieuw om verder te werken."
	case errors.Is(err, ErrOlderSchema):
		return "Deze gegevens moeten eerst worden bijgewerkt, maar dat kan niet terwijl een ander venster van Zelfscan GGG openstaat. Sluit het andere venster en start de app opnieuw."
	case errors.Is(err, ErrCorrupt):
		return fmt.Sprintf("Het bestand %s is beschadigd en kan niet worden gelezen. Zelfscan GGG heeft het niet gewijzigd. Bewaar een kopie, verplaats het bestand en start de app opnieuw; vraag uw beheerder om hulp als u de gegevens nodig hebt.", path)
	case errors.Is(err, ErrNoAccess):
		return fmt.Sprintf("Zelfscan GGG mag niet schrijven in %s. Het bestand of de map is alleen-lezen. Vraag uw beheerder om schrijfrechten of kies een andere map voor de gegevens.", path)
	case errors.Is(err, ErrDiskFull):
		return "De schijf is vol, daardoor kon Zelfscan GGG uw antwoord niet bewaren. Maak ruimte vrij en probeer het opnieuw."
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("Er zijn nog geen gegevens gevonden in %s. Sluit de andere vensters van Zelfscan GGG en start de app opnieuw; dan begint u met een nieuw bestand.", path)
	case errors.Is(err, ErrNotFound):
		return "Deze zelfscan bestaat niet meer; misschien is hij verwijderd. Kies een andere zelfscan of begin een nieuwe."
	}
	return "Er ging iets mis bij het lezen of bewaren van de gegevens. Probeer het opnieuw; lukt het niet, start de app dan opnieuw."
}
