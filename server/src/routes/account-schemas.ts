import { z } from '@hono/zod-openapi';
import { BoardWithRoleSchema, RoleSchema } from './schemas.ts';

export const UserSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		email: z.string().nullable().openapi({ description: 'null for a guest' }),
		isGuest: z.boolean().openapi({ description: 'Joined by invite; may claim the account' })
	})
	.openapi('User');

const email = z.email('enter an email address').max(254);
const password = z
	.string()
	.min(8, 'use at least 8 characters')
	.max(256, 'use at most 256 characters');
const name = z.string().trim().min(1, 'give a display name').max(80);

export const SignupSchema = z.object({ email, password, name }).openapi('Signup');
// Sign-in checks no password rule: rules may change, and old passwords must still work.
export const LoginSchema = z
	.object({ email, password: z.string().min(1).max(256) })
	.openapi('Login');
export const PasswordChangeSchema = z
	.object({ current: z.string().min(1).max(256), next: password })
	.openapi('PasswordChange');
export const ClaimSchema = z.object({ email, password }).openapi('Claim');

export const SessionAnswerSchema = z
	.object({
		user: UserSchema,
		token: z.string().openapi({
			description: 'The session token (also set as the cookie): `Authorization: Bearer <token>`'
		})
	})
	.openapi('SessionAnswer');

export const MeSchema = z
	.object({ user: UserSchema, boards: z.array(BoardWithRoleSchema) })
	.openapi('Me');

export const MemberSchema = z
	.object({
		userId: z.string(),
		name: z.string(),
		email: z.string().nullable().openapi({
			description: 'Shown to facilitators and cofacilitators only; null for others and guests'
		}),
		isGuest: z.boolean(),
		role: RoleSchema,
		joinedAt: z.string()
	})
	.openapi('Member');

export const MembersSchema = z.object({ members: z.array(MemberSchema) }).openapi('Members');

export const RoleChangeSchema = z
	.object({
		role: RoleSchema.openapi({
			description: 'facilitator hands the board off: the caller becomes cofacilitator'
		})
	})
	.openapi('RoleChange');

export const InviteRoleSchema = z.enum(['participant', 'observer']);

export const CreateInviteSchema = z
	.object({
		role: InviteRoleSchema,
		expiresInHours: z
			.number()
			.int('a whole number of hours')
			.min(1)
			.max(24 * 30)
			.optional()
			.openapi({ description: 'Default 168 (7 days), at most 720 (30 days)' })
	})
	.openapi('CreateInvite');

export const CreatedInviteSchema = z
	.object({
		id: z.string(),
		token: z.string().openapi({ description: 'Shown once: only its hash is stored' }),
		url: z.string().openapi({ description: '<origin>/invite/<token>' }),
		role: InviteRoleSchema,
		expiresAt: z.string()
	})
	.openapi('CreatedInvite');

export const InviteSchema = z
	.object({
		id: z.string(),
		role: RoleSchema,
		status: z.enum(['active', 'expired', 'revoked']),
		expiresAt: z.string(),
		revokedAt: z.string().nullable(),
		createdAt: z.string(),
		createdBy: z.object({ id: z.string(), name: z.string() })
	})
	.openapi('Invite');

export const InvitePreviewSchema = z
	.object({
		board: z.object({ id: z.string(), title: z.string() }),
		role: RoleSchema,
		expiresAt: z.string()
	})
	.openapi('InvitePreview');

export const AcceptInviteSchema = z
	.object({
		name: name.optional().openapi({ description: 'Required when not signed in (a guest)' })
	})
	.openapi('AcceptInvite');

export const AcceptedInviteSchema = z
	.object({
		board: z.object({ id: z.string(), title: z.string() }),
		role: RoleSchema.openapi({ description: 'The role now held (a higher one is kept)' }),
		user: UserSchema,
		token: z.string().optional().openapi({ description: 'Only when a guest account was made' })
	})
	.openapi('AcceptedInvite');

export const InviteIdParams = z.object({
	id: z
		.string()
		.regex(/^[a-z0-9]{1,40}$/, 'not a board id')
		.openapi({ param: { name: 'id', in: 'path' } }),
	inviteId: z
		.string()
		.regex(/^[a-z0-9]{1,40}$/, 'not an invite id')
		.openapi({ param: { name: 'inviteId', in: 'path' } })
});

export const InviteTokenParam = z.object({
	token: z
		.string()
		.max(128)
		.openapi({ param: { name: 'token', in: 'path' } })
});
