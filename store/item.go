package store

import (
	"context"
	"time"
)

// Items keeps the content of mailboxes: the items in their folders. Folders themselves are
// the standard set every mailbox has (the cmdlets know it), so only items are stored.
// Mailbox activity (Invoke-SimMailboxAction) moves, copies and deletes items, so the folder
// and item fields of audit records describe real content.
//
// Items is not part of Store: cmdlets that need it ask for it with a type assertion, so
// stores written before it keep compiling.
type Items interface {
	// MailboxItems returns the items of a mailbox, ordered by ID (creation order for
	// IDs a caller derives in sequence).
	MailboxItems(ctx context.Context, mailbox ID) ([]Item, error)
	// PutItem creates or replaces an item. It needs a Mailbox, an ID and a Folder.
	PutItem(ctx context.Context, it Item) error
	// DeleteItem removes an item; ErrNotFound when the mailbox has no such item.
	DeleteItem(ctx context.Context, mailbox, id ID) error
}

// Item is one message, meeting or other item of a mailbox folder.
type Item struct {
	Mailbox ID `json:"Mailbox"`
	ID      ID `json:"ID"`
	// Folder is the folder's path below the mailbox root without a leading backslash:
	// "Inbox", "Sent Items", "Recoverable Items\Deletions".
	Folder  string    `json:"Folder"`
	Subject string    `json:"Subject,omitempty"`
	Created time.Time `json:"Created"`
	// Size is the item's size in bytes.
	Size int64 `json:"Size,omitempty"`
	// IsRecord marks an item labelled as a record (ApplyRecord).
	IsRecord bool `json:"IsRecord,omitempty"`
	// InternetMessageID is the Message-ID header of a message.
	InternetMessageID string `json:"InternetMessageId,omitempty"`
	// From is the sender of a delivered message.
	From string `json:"From,omitempty"`
	// Attachments are the names of the message's attachments.
	Attachments []string `json:"Attachments,omitempty"`
}

// Delivered reports whether the item is in its mailbox at the given time: a message
// delivered later (Created after now) is not there yet.
func (it *Item) Delivered(now time.Time) bool { return !it.Created.After(now) }
