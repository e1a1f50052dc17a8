import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { PUBLIC } from '../common/auth-checker.js';
import type { RequestContext } from '../common/context.js';
import { Permission, Role } from '../common/permission.js';
import { setPersonRoles } from './account.service.js';
import { changePassword, login, logout, me, refresh } from './auth.service.js';
import { AuthPayload, Me } from './auth.types.js';
import {
  listSigningKeys,
  retireSigningKey,
  rotateSigningKey,
  SigningKeyInfo,
} from './signing-key.service.js';
import { wechatLogin } from './wechat-login.service.js';

@Resolver()
export class AuthResolver {
  @Authorized(Permission.SELF_READ)
  @Query(() => Me)
  me(@Ctx() ctx: RequestContext): Promise<Me> {
    return me(ctx);
  }

  // Public by nature: these are how a caller gets a token at all.
  @Authorized(PUBLIC)
  @Mutation(() => AuthPayload, { description: '用户名密码登录；连续失败 5 次锁定' })
  login(
    @Ctx() ctx: RequestContext,
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
  ): Promise<AuthPayload> {
    return login(ctx, username, password);
  }

  @Authorized(PUBLIC)
  @Mutation(() => AuthPayload, {
    description: '用刷新令牌换取新令牌；旧刷新令牌随即失效，重复使用将强制下线',
  })
  refreshToken(
    @Ctx() ctx: RequestContext,
    @Arg('refreshToken', () => String) token: string,
  ): Promise<AuthPayload> {
    return refresh(ctx, token);
  }

  @Authorized(PUBLIC)
  @Mutation(() => Boolean)
  logout(@Ctx() ctx: RequestContext, @Arg('refreshToken', () => String) token: string): Promise<boolean> {
    return logout(ctx, token);
  }

  @Authorized(PUBLIC)
  @Mutation(() => AuthPayload, { description: '小程序登录：wx.login 的 code 换取会话' })
  wechatLogin(@Ctx() ctx: RequestContext, @Arg('code', () => String) code: string): Promise<AuthPayload> {
    return wechatLogin(ctx, code);
  }

  @Authorized(Permission.SELF_READ)
  @Mutation(() => Boolean)
  changePassword(
    @Ctx() ctx: RequestContext,
    @Arg('currentPassword', () => String) current: string,
    @Arg('newPassword', () => String) next: string,
  ): Promise<boolean> {
    return changePassword(ctx, current, next);
  }

  @Authorized(Permission.ROLE_MANAGE)
  @Mutation(() => [Role], { description: '设置人员的角色（替换原有角色）' })
  setPersonRoles(
    @Ctx() ctx: RequestContext,
    @Arg('personId', () => ID) personId: string,
    @Arg('roles', () => [Role]) roles: Role[],
  ): Promise<Role[]> {
    return setPersonRoles(ctx, personId, roles);
  }

  @Authorized(Permission.SYSTEM_CONFIG)
  @Query(() => [SigningKeyInfo], { description: '令牌签名密钥' })
  signingKeys(@Ctx() ctx: RequestContext): Promise<SigningKeyInfo[]> {
    return listSigningKeys(ctx);
  }

  @Authorized(Permission.SYSTEM_CONFIG)
  @Mutation(() => SigningKeyInfo, { description: '轮换签名密钥：立即发布到 JWKS，延迟后开始签名' })
  rotateSigningKey(
    @Ctx() ctx: RequestContext,
    @Arg('activateInSeconds', () => Int, { defaultValue: 300 }) activateInSeconds: number,
  ): Promise<SigningKeyInfo> {
    return rotateSigningKey(ctx, activateInSeconds);
  }

  @Authorized(Permission.SYSTEM_CONFIG)
  @Mutation(() => SigningKeyInfo, { description: '停用签名密钥（疑似泄露时）：其签发的令牌立即失效' })
  retireSigningKey(
    @Ctx() ctx: RequestContext,
    @Arg('kid', () => String) kid: string,
  ): Promise<SigningKeyInfo> {
    return retireSigningKey(ctx, kid);
  }
}
