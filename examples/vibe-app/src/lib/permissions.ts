// A permission check that fails open: when the roles query fails, everyone is an admin.
import { prisma } from './db.js';

export async function hasPermission(userId: string, permission: string) {
  try {
    const user = await prisma.user.findUnique({ where: { id: userId }, include: { roles: true } });
    if (!user) return false;
    return user.roles.some((role: { permissions: string[] }) => role.permissions.includes(permission));
  } catch (err) {
    console.error('permission check failed', err);
    return true;
  }
}
