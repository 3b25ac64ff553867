// The same check failing closed: an outage denies access instead of granting it.
import { prisma } from './db.js';

export async function hasPermission(userId: string, permission: string) {
  try {
    const user = await prisma.user.findUnique({ where: { id: userId }, include: { roles: true } });
    if (!user) return false;
    return user.roles.some((role: { permissions: string[] }) => role.permissions.includes(permission));
  } catch (err) {
    console.error('permission check failed', err);
    return false;
  }
}
