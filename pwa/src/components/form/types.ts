export interface PickerOption {
  text: string;
  value: string;
}
