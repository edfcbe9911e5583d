package store

import (
	"errors"
	"fmt"
)

// Sentinel errors name categories. Implementations wrap them with %w and add the detail
// (which identity, which directory); callers test them with errors.Is.
var (
	// ErrNotFound: no object matches the identity or key.
	ErrNotFound = errors.New("not found")
	// ErrExists: the object, or one of its unique identities, is already taken.
	ErrExists = errors.New("already exists")
	// ErrAmbiguous: a single-object lookup matched more than one object.
	ErrAmbiguous = errors.New("identity matches more than one object")
	// ErrLocked: another process holds the state directory and did not release it in time.
	ErrLocked = errors.New("state directory is in use by another process")
	// ErrInvalid: a record or query is malformed (a 0x00 byte in a string, an unknown
	// RecipientTypeDetails, an empty snapshot name ...).
	ErrInvalid = errors.New("invalid input")
	// ErrSchema: the state was written by a newer exosh, or is damaged, and cannot be used.
	ErrSchema = errors.New("unsupported state")
)

// ConflictError is the ErrExists that CreateRecipient and UpdateRecipient return when a
// unique identity of the record is already used by another object. Cmdlets use it to
// word Exchange's "already being used" errors.
type ConflictError struct {
	Property string // "Name", "Alias", "EmailAddresses", "UserPrincipalName" ...
	Value    string // the value as given
	Owner    ID     // the object that already has it
}

// Error describes the collision.
func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s %q is already used by %s: %v", e.Property, e.Value, e.Owner, ErrExists)
}

// Unwrap makes errors.Is(err, ErrExists) true.
func (e *ConflictError) Unwrap() error { return ErrExists }

// SchemaError is the ErrSchema returned when the state directory was written by a newer
// exosh whose schema this binary does not know.
type SchemaError struct {
	Dir       string
	Found     uint32 // version recorded in the state
	Supported uint32 // newest version this binary understands
}

// Error explains the refusal in words an admin can act on.
func (e *SchemaError) Error() string {
	return fmt.Sprintf("the state in %s was written by a newer exosh (schema version %d; this exosh supports up to %d); use that exosh or another -StateDir: %v",
		e.Dir, e.Found, e.Supported, ErrSchema)
}

// Unwrap makes errors.Is(err, ErrSchema) true.
func (e *SchemaError) Unwrap() error { return ErrSchema }
