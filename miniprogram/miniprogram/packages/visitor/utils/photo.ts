import { AppError } from '../../../utils/errors';

/** The chosen photo as base64, which is how bookVisit takes it. */
export function readPhotoBase64(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: ({ data }) => resolve(typeof data === 'string' ? data : ''),
      fail: () => reject(new AppError('PHOTO_UNREADABLE', '无法读取照片，请重新拍摄')),
    });
  });
}
