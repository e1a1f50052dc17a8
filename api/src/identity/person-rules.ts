import { checkIdNumber, isValidPhone, normalizeIdNumber, normalizePhone } from '@park/core';
import { type Problem, problem } from './identity.errors.js';

const ID_MESSAGES = {
  FORMAT: '身份证号码应为 18 位，前 17 位为数字，最后一位为数字或 X',
  BIRTH_DATE: '身份证号码中的出生日期无效',
  CHECK_DIGIT: '身份证号码校验位错误',
} as const;

export interface PersonFields {
  /** null is what a client sends to "clear" a field; a name cannot be cleared. */
  name?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  employeeNo?: string | null;
  photoUrl?: string | null;
}

/** Format checks that need no database. Returns normalised values and every problem found. */
export function checkPersonFields(input: PersonFields): { values: PersonFields; problems: Problem[] } {
  const problems: Problem[] = [];
  const values: PersonFields = {};
  if (input.name !== undefined) {
    values.name = (input.name ?? '').trim();
    if (!values.name || values.name.length > 50)
      problems.push(problem('name', 'BAD_NAME', '姓名不能为空且不超过 50 字'));
  }
  if (input.idNumber !== undefined) {
    values.idNumber = input.idNumber ? normalizeIdNumber(input.idNumber) : null;
    const why = values.idNumber ? checkIdNumber(values.idNumber) : null;
    if (why) problems.push(problem('idNumber', 'BAD_ID_NUMBER', ID_MESSAGES[why]));
  }
  if (input.phone !== undefined) {
    values.phone = input.phone ? normalizePhone(input.phone) : null;
    if (values.phone && !isValidPhone(values.phone))
      problems.push(problem('phone', 'BAD_PHONE', '手机号码格式不正确'));
  }
  if (input.employeeNo !== undefined) {
    values.employeeNo = input.employeeNo?.trim() || null;
    if (values.employeeNo && !/^[A-Za-z0-9_-]{2,32}$/.test(values.employeeNo)) {
      problems.push(problem('employeeNo', 'BAD_EMPLOYEE_NO', '工号应为 2–32 位字母、数字、下划线或连字符'));
    }
  }
  if (input.photoUrl !== undefined) {
    values.photoUrl = input.photoUrl?.trim() || null;
    if (values.photoUrl && !/^(https?:\/\/|\/)/.test(values.photoUrl)) {
      problems.push(problem('photoUrl', 'BAD_PHOTO_URL', '照片地址应为 http(s) 链接或站内路径'));
    }
  }
  return { values, problems };
}

export const CARD_NUMBER = /^[A-Za-z0-9]{4,32}$/;
