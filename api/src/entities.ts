import { AccessGrant } from './access/access-grant.entity.js';
import { Area } from './access/area.entity.js';
import { CalendarDay } from './access/holiday.entity.js';
import { PassagePoint } from './access/passage-point.entity.js';
import { PostAreaGrant } from './access/post-area-grant.entity.js';
import { Schedule } from './access/schedule.entity.js';
import { ApprovalRequest } from './approval/approval-request.entity.js';
import { ApprovalStep } from './approval/approval-step.entity.js';
import { AuditEntry } from './audit/audit-entry.entity.js';
import { RefreshToken } from './auth/refresh-token.entity.js';
import { SigningKey } from './auth/signing-key.entity.js';
import { UserAccount } from './auth/user-account.entity.js';
import { BaseEntity } from './common/base.entity.js';
import { Alarm } from './devices/alarm.entity.js';
import { Device } from './devices/device.entity.js';
import { DeviceCommand } from './devices/device-command.entity.js';
import { BiometricTemplate } from './identity/biometric-template.entity.js';
import { Card } from './identity/card.entity.js';
import { ContractorCompany } from './identity/contractor-company.entity.js';
import { OrgUnit } from './identity/org-unit.entity.js';
import { Person } from './identity/person.entity.js';
import { PersonPhoto } from './identity/person-photo.entity.js';
import { Post } from './identity/post.entity.js';
import { Vehicle } from './identity/vehicle.entity.js';
import { WechatBinding } from './identity/wechat-binding.entity.js';
import { Visit } from './visitor/visit.entity.js';
import { VisitPerson } from './visitor/visit-person.entity.js';
import { WatchlistEntry } from './visitor/watchlist-entry.entity.js';

/** Every entity, listed explicitly (no folder scanning: esbuild runners and bundles both work). */
export const entities = [
  BaseEntity,
  OrgUnit,
  Post,
  ContractorCompany,
  Person,
  Card,
  Vehicle,
  WechatBinding,
  BiometricTemplate,
  Area,
  PassagePoint,
  Schedule,
  CalendarDay,
  PostAreaGrant,
  AccessGrant,
  UserAccount,
  RefreshToken,
  SigningKey,
  AuditEntry,
  Device,
  DeviceCommand,
  Alarm,
  ApprovalRequest,
  ApprovalStep,
  PersonPhoto,
  Visit,
  VisitPerson,
  WatchlistEntry,
];
